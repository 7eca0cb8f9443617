"""Curation: regenerate the project's data files from the upstream material in ../shared/
(SIPRI's files, the compiled exercise list, the source documents' fingerprints). Run by a
curator, never by the app or the build."""
