"""Documents for people: the rendered policy, the reaction scheme drawn as a graph."""
