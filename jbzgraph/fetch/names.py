"""Every name the two document services use, in one place, so that a new API version is a
change here and nowhere else.

**Tweede Kamer open-data API** (gegevensmagazijn): OData v4, API-data version 2.0, as
documented on opendata.tweedekamer.nl (``/documentatie/odata-api``, the Document entity at
``/documentatie/document``, Kamerstukdossier, DocumentVersie). The portal announced on
2 June 2026 a new OData version from 12 June 2026 "with new names for attributes, a new
order in which data is exported and a new URL"; 2.0 stays open until 1 October 2026
(github.com/TweedeKamerDerStaten-Generaal/OpenDataPortaal issue 175). The new names were
not published where this code could read them, so the 2.0 names are implemented: moving
to the new version means changing :data:`TK_API_URL` (or ``--base-url`` /
``JBZGRAPH_TK_API``) and the attribute names below.

**officielebekendmakingen** (KOOP's SRU 2.0 repository, repository.overheid.nl/sru): the
record schema ``gzd`` (originalData/meta with owmskern, owmsmantel, tpmeta; enrichedData
with one ``itemUrl`` per manifestation), CQL indexes ``c.product-area``, ``dt.type``,
``w.dossiernummer``, ``dt.date``.
"""

TK_API_VERSION = "OData v4, API-data 2.0"
TK_API_URL = "https://gegevensmagazijn.tweedekamer.nl/OData/v4/2.0"
TK_API_ENV = "JBZGRAPH_TK_API"

# Entity sets and navigation properties.
DOCUMENT = "Document"
DOSSIER_NAV = "Kamerstukdossier"
RESOURCE = "resource"  # Document(<id>)/resource is the file itself

# Attributes of Document.
ID = "Id"
DOCUMENT_NUMBER = "DocumentNummer"  # e.g. 2025D45354
SEQUENCE = "Volgnummer"  # the "Nr." within the dossier; -1 or absent when none
KIND = "Soort"  # e.g. "Brief regering"
TITLE = "Titel"
SUBJECT = "Onderwerp"
DATE = "Datum"
CHANGED = "GewijzigdOp"  # when the source system created or changed the document
API_CHANGED = "ApiGewijzigdOp"  # when that change became visible in the API: the sync cursor
DELETED = "Verwijderd"  # a deleted document stays listed, with this set
CONTENT_TYPE = "ContentType"
CONTENT_LENGTH = "ContentLength"

# Attributes of Kamerstukdossier.
DOSSIER_NUMBER = "Nummer"
DOSSIER_SUFFIX = "Toevoeging"  # the "20" of 21501-20

# OData JSON framing.
VALUE = "value"
NEXT_LINK = "@odata.nextLink"
PAGE_SIZE = 250  # the service's maximum page

SRU_VERSION = "SRU 2.0, gzd records"
SRU_URL = "https://repository.overheid.nl/sru"
SRU_ENV = "JBZGRAPH_SRU_URL"
SRU_PAGE_SIZE = 100
SRU_COLLECTION = "officielepublicaties"
SRU_TYPE = "Kamerstuk"

# Elements of a gzd record, by local name (namespaces vary between record generations).
SRU_IDENTIFIER = "identifier"  # dcterms: kst-32317-964
SRU_TITLE = "title"
SRU_DATE = "date"
SRU_MODIFIED = "modified"
SRU_DOSSIER = "dossiernummer"  # overheidwetgeving:
SRU_SEQUENCE = "ondernummer"
SRU_DOCUMENT_TITLE = "documenttitel"
SRU_ITEM_URL = "itemUrl"  # gzd:itemUrl manifestation="xml|pdf|html|..."
SRU_TIMESTAMP = "timestamp"  # gzd:enrichedData/timestamp: when the record last changed
SRU_RECORD = "record"
SRU_COUNT = "numberOfRecords"
SRU_NEXT = "nextRecordPosition"
SRU_DIAGNOSTIC = "diagnostic"

# The manifestations worth a download, best first: the XML carries the structure and
# metadata of the Kamerstuk, the PDF is the printed page.
SRU_MANIFESTATIONS = ("xml", "pdf", "html")
