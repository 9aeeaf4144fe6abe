"""The practice sets: everyday questions over new CSVs, written to find weak families and tune on."""
