## class: Ukrainian
