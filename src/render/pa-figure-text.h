/* pa-figure-text.h — the words of a figure in the figure's language, not the interface's.
 *
 * A planner with a Chinese interface may print an English figure and the other way round.
 * Figure strings are marked N_() and looked up here: "en" gives the msgid, "zh" the
 * zh_CN catalogue read directly from the built .mo (so no zh_CN locale need be installed
 * and the LANGUAGE variable cannot override it), NULL the interface language (gettext).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* @lang: "zh", "en" or NULL (interface language); anything else is refused by
 * pa_figure_lang_is_valid. Thread-safe. */
const char *pa_figure_text (const char *lang, const char *msgid) G_GNUC_FORMAT (2);
gboolean pa_figure_lang_is_valid (const char *lang);

G_END_DECLS
