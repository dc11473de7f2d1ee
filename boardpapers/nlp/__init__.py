"""Language resources: the rule files (gazetteers, labels, titles) and the spaCy pipeline.

``gazetteer`` reads the JSONL rule files under ``patterns/`` and never imports
spaCy; ``pipeline`` builds (once) the blank English pipeline the mention
resolver runs on. Importing this package imports neither.
"""
