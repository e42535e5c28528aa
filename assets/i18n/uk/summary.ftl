## summary: Ukrainian
