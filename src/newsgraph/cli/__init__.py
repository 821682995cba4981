"""click commands: parsing arguments and printing only; the work is in importable functions."""
