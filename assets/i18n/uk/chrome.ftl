## chrome: Ukrainian
