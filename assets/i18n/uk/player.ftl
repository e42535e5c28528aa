## player: Ukrainian
