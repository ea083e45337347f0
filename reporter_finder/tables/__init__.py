"""Raw RePORTER records -> the four tables (projects, grants, PIs, PI-grant links). Pure."""
