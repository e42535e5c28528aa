## labels: Ukrainian
