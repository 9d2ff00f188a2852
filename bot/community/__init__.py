"""The community layer (pure): campaigns, the leak-source service catalogue and the leak-source
ranking. No I/O beyond reading the package's own data files, no clock, no Discord."""
