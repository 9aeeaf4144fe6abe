"""Language: what the words of a question say: tokens, the lexicon, spelling, links from words to
columns, values, aggregations, time grains and periods."""
