"""The text of a document, as the extractors read it: normalised with an offset map back to the analysed
text (``normalize``), split at its headings (``sections``), judged as language (``quality``: the readers and
the report's warnings use it), and handed to every extractor as one ``AnalysisContext`` (``context``)."""
