"""The school bundle (BUNDLE.md): import, preview and export.

- ``importing``: ``bundle_import`` and ``bundle_preview``, the sections in the bundle's order;
- ``exporting``: ``bundle_export``, the writers put together;
- ``reconciler``: the generic part, matching keyed records and rows and reporting changes;
- one module per section of BUNDLE.md (``school``, ``staff``, …) with its rows and its writer;
- ``summary``: what an import does, per section; ``values``: bundle values ↔ model values.
"""

from usul.bundle.services.exporting import bundle_export
from usul.bundle.services.importing import bundle_import, bundle_preview
from usul.bundle.services.summary import ImportSummary, SectionChanges

__all__ = ["ImportSummary", "SectionChanges", "bundle_export", "bundle_import", "bundle_preview"]
