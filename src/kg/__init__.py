"""kg: trade-negotiation articles into an RDF knowledge graph."""

__version__ = "0.1.0"
