"""RDF: the ontology's namespaces and the graph built from resolved extractions."""
