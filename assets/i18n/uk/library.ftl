## library: Ukrainian
