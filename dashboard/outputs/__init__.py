"""What a view becomes outside the explorer: exports, the brief, citations, embeds, page heads."""
