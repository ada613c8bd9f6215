from opq_intranet.formats.fr.formats import *  # noqa: F403  (same as fr; Django looks up fr_CA first)
