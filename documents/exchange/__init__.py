"""Partner exchange spaces: the Office's private "Dropbox" shared with the orders and other partners.

A sub-package of records management with the project's layout rule inside it (models,
choices, permissions, selectors, services, forms, tables, views, urls). Partners reach it
under /portail/echanges/, staff members of a space under the same URLs; people without an
account through share links under /partage/. What must be kept is filed into a records file
through `documents.services` before the space's retention purges it.
"""
