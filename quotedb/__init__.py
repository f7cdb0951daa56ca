"""quotedb: quote attribution and speaker database for news articles."""
