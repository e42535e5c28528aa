## students: Ukrainian
