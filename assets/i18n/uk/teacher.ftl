## teacher: Ukrainian
