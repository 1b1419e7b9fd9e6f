"""Footage: where the two pipelines meet. Every clip and every report's mention of one piece
of footage is one footage item (items), proposed to each other from the evidence they share
(suggest), and told as one timeline of where the footage appeared (timeline)."""
