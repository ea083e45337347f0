"""Raw RePORTER records -> the four tables (projects, grants, PIs, PI-grant links). Pure.

Public: ``build.Tables`` and ``build.build_tables`` (build the tables), ``records.load_records``
(read saved JSON) and ``people.find_pi`` (look a PI up by name). The other modules are the
parts of the build: ``clean`` (field values), ``people`` (the one owner of person-name
normalisation), ``projects`` (records → projects and links) and ``summaries`` (grants, PIs).
"""
