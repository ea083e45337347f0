"""The web services: RePORTER (query, client, partitioning), PubMed, HTTP transport and cache.

Nothing here builds tables or ranks; import from the modules (``reporter_finder.api.reporter``,
``reporter_finder.api.query``, …). This ``__init__`` stays empty so that importing one light
module (``limits``) does not import ``requests``.
"""
