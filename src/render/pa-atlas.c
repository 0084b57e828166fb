/* pa-atlas.c — the pages of a plan's atlas: laid out once to count pages (for the
 * contents and the page numbers), then drawn */
#include "config.h"

#include "pa-atlas.h"

#include <glib/gi18n.h>
#include <math.h>

#include "audit/pa-audit.h"
#include "pa-figure-text.h"
#include "pa-figure.h"
#include "pa-painter-private.h"

static const PaColor ink = { 0.13, 0.13, 0.15 }, grey = { 0.38, 0.38, 0.40 };

typedef struct
{
  cairo_t *cr;
  PaPlan *plan;
  PaBasemap *basemap;
  const PaExportOptions *options;
  double page_w, page_h, k, margin;
  gboolean measure; /* count pages, draw nothing */
  guint preview_page; /* draw this page only (0: every page) */
  guint page;       /* number of the page being laid out, from 1 */
  guint total;      /* pages in all (known when drawing) */
  guint *zone_first_page; /* per zone, from the measuring pass */
  guint sources_page;
  /* the text flow: the current region of the page */
  double x, w, y, bottom;
  double below_top; /* where the full-width region under a zone's map starts */
  int region;       /* 0: beside the map; 1: under it; 2: a continuation page */
  const char *continued; /* heading of a continuation page */
  GCancellable *cancellable;
  PaExportProgressFunc progress;
  gpointer progress_data;
  gboolean cancelled;
} Atlas;

static const char *tr (Atlas *a, const char *msgid) G_GNUC_FORMAT (2);

static const char *
tr (Atlas *a, const char *msgid)
{
  return pa_figure_text (a->options->lang, msgid);
}

static void
draw_footer (Atlas *a)
{
  g_autofree char *number = NULL;
  g_autoptr (PangoLayout) l = NULL;
  int w, h;
  if (a->measure)
    return;
  number = g_strdup_printf (tr (a, N_("Page %u of %u")), a->page, a->total);
  l = pa_painter_layout_new (a->cr, number, 8 * a->k, FALSE);
  pango_layout_get_pixel_size (l, &w, &h);
  cairo_move_to (a->cr, (a->page_w - w) / 2, a->page_h - a->margin * 0.6 - h / 2.0);
  pa_painter_set_color (a->cr, grey, 1);
  pango_cairo_show_layout (a->cr, l);
  {
    g_autofree char *title = pa_figure_dup_title (a->plan, a->options);
    g_autoptr (PangoLayout) t = pa_painter_layout_new (a->cr, title, 8 * a->k, FALSE);
    pango_layout_set_width (t, (int) ((a->page_w / 2 - a->margin - w) * PANGO_SCALE));
    pango_layout_set_ellipsize (t, PANGO_ELLIPSIZE_END);
    cairo_move_to (a->cr, a->margin, a->page_h - a->margin * 0.6 - h / 2.0);
    pango_cairo_show_layout (a->cr, t);
  }
}

/* Ends the page (footer, show) and starts the next, unless measuring. */
static void
next_page (Atlas *a)
{
  draw_footer (a);
  if (!a->measure && !a->preview_page)
    {
      cairo_show_page (a->cr);
      if (a->progress && a->total)
        a->progress (0.05 + 0.85 * a->page / a->total, a->progress_data);
      if (g_cancellable_is_cancelled (a->cancellable))
        a->cancelled = TRUE;
    }
  a->page++;
  if (a->preview_page)
    a->measure = a->page != a->preview_page;
  if (!a->measure)
    {
      cairo_set_source_rgb (a->cr, 1, 1, 1);
      cairo_paint (a->cr);
    }
}

/* Text of @font_px at (x, y) in @width (0: no wrapping); returns its height. Draws only
 * when not measuring. */
static double
text_at (Atlas *a, double x, double y, double width, const char *text, double font_px, gboolean bold,
         PaColor color)
{
  g_autoptr (PangoLayout) l = pa_painter_layout_new (a->cr, text, font_px, bold);
  int w, h;
  if (width > 0)
    {
      pango_layout_set_width (l, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_get_pixel_size (l, &w, &h);
  if (!a->measure)
    {
      cairo_move_to (a->cr, x, y);
      pa_painter_set_color (a->cr, color, 1);
      pango_cairo_show_layout (a->cr, l);
    }
  return h;
}

static double
heading (Atlas *a, const char *text)
{
  double h = text_at (a, a->margin, a->margin, a->page_w - 2 * a->margin, text, 16 * a->k, TRUE, ink);
  return a->margin + h + 8 * a->k;
}

/* Moves the flow on: from beside the map to under it, or to a new page. */
static void
next_region (Atlas *a)
{
  if (a->region == 0)
    {
      a->region = 1;
      a->x = a->margin;
      a->w = a->page_w - 2 * a->margin;
      a->y = a->below_top;
    }
  else
    {
      g_autofree char *head = g_strdup_printf (tr (a, N_("%s (continued)")), a->continued);
      next_page (a);
      a->region = 2;
      a->x = a->margin;
      a->w = a->page_w - 2 * a->margin;
      a->y = heading (a, head);
    }
  a->bottom = a->page_h - a->margin * 1.3;
}

/* A paragraph in the flow; a paragraph that does not fit where the flow is goes on to the
 * next region whole (it is never split). */
static void
paragraph (Atlas *a, const char *text, double font_px, gboolean bold, PaColor color, double space_after)
{
  g_autoptr (PangoLayout) l = pa_painter_layout_new (a->cr, text, font_px, bold);
  int w, h;
  pango_layout_set_width (l, (int) (a->w * PANGO_SCALE));
  pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
  pango_layout_get_pixel_size (l, &w, &h);
  if (a->y + h > a->bottom && a->y > a->margin * 3)
    {
      next_region (a);
      pango_layout_set_width (l, (int) (a->w * PANGO_SCALE));
    }
  if (!a->measure)
    {
      cairo_move_to (a->cr, a->x, a->y);
      pa_painter_set_color (a->cr, color, 1);
      pango_cairo_show_layout (a->cr, l);
    }
  pango_layout_get_pixel_size (l, &w, &h);
  a->y += h + space_after;
}

static void
section (Atlas *a, const char *title, const char *body)
{
  if (!body || !*body)
    return;
  paragraph (a, title, 9.5 * a->k, TRUE, ink, 2 * a->k);
  paragraph (a, body, 8.5 * a->k, FALSE, ink, 6 * a->k);
}

/* ---- the targets table ---- */

#define N_COLS 6
static const double col_share[N_COLS] = { 0.26, 0.15, 0.17, 0.07, 0.09, 0.26 };

/* One row: cells laid out in their columns; returns its height (drawn unless measuring). */
static double
table_row (Atlas *a, char **cells, gboolean header, gboolean draw)
{
  double font = 7.5 * a->k, pad = 2.5 * a->k, x = a->x, row_h = 0;
  PangoLayout *layouts[N_COLS];
  for (int c = 0; c < N_COLS; c++)
    {
      int w, h;
      layouts[c] = pa_painter_layout_new (a->cr, cells[c] ? cells[c] : "—", font, header);
      pango_layout_set_width (layouts[c], (int) ((a->w * col_share[c] - 2 * pad) * PANGO_SCALE));
      pango_layout_set_wrap (layouts[c], PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_size (layouts[c], &w, &h);
      row_h = MAX (row_h, h + 2 * pad);
    }
  if (draw && !a->measure)
    {
      if (header)
        {
          cairo_rectangle (a->cr, a->x, a->y, a->w, row_h);
          cairo_set_source_rgb (a->cr, 0.92, 0.92, 0.93);
          cairo_fill (a->cr);
        }
      for (int c = 0; c < N_COLS; c++)
        {
          cairo_move_to (a->cr, x + pad, a->y + pad);
          pa_painter_set_color (a->cr, ink, 1);
          pango_cairo_show_layout (a->cr, layouts[c]);
          x += a->w * col_share[c];
        }
      cairo_move_to (a->cr, a->x, a->y + row_h);
      cairo_line_to (a->cr, a->x + a->w, a->y + row_h);
      cairo_set_source_rgb (a->cr, 0.75, 0.75, 0.77);
      cairo_set_line_width (a->cr, 0.5);
      cairo_stroke (a->cr);
    }
  for (int c = 0; c < N_COLS; c++)
    g_object_unref (layouts[c]);
  return row_h;
}

static char *
amount (double value, const char *text, const char *unit)
{
  g_autofree char *number = NULL;
  if (!text && isnan (value))
    return NULL;
  number = text ? g_strdup (text) : pa_format_number (value);
  return g_strconcat (number, unit ? unit : "", NULL);
}

static void
targets_table (Atlas *a, GPtrArray *targets)
{
  char *head[N_COLS] = { (char *) tr (a, N_("Indicator")), (char *) tr (a, N_("Baseline")),
                         (char *) tr (a, N_("Target")), (char *) tr (a, N_("Year")),
                         (char *) tr (a, N_("Comparator")), (char *) tr (a, N_("Source")) };
  if (!targets || !targets->len)
    return;
  /* a table needs the full width: it starts under the map */
  if (a->region == 0)
    next_region (a);
  paragraph (a, tr (a, N_("Targets")), 9.5 * a->k, TRUE, ink, 2 * a->k);
  if (a->y + table_row (a, head, TRUE, FALSE) * 2 > a->bottom)
    next_region (a);
  a->y += table_row (a, head, TRUE, TRUE);
  for (guint i = 0; i < targets->len; i++)
    {
      const PaTarget *t = targets->pdata[i];
      g_autofree char *baseline = amount (t->baseline_value, NULL, t->unit);
      g_autofree char *baseline_full = NULL, *target = amount (t->value, t->value_text, t->unit);
      g_autofree char *year = t->year ? g_strdup_printf ("%d", t->year) : NULL;
      g_autofree char *source = t->citation ? pa_citation_dup_reference_with (t->citation, TRUE, tr (a, N_(", "))) : NULL;
      char *cells[N_COLS];
      double h;
      if (baseline && t->baseline_year)
        baseline_full = g_strdup_printf ("%s (%d)", baseline, t->baseline_year);
      cells[0] = t->indicator;
      cells[1] = baseline_full ? baseline_full : baseline;
      cells[2] = target;
      cells[3] = year;
      cells[4] = t->comparator;
      cells[5] = source;
      h = table_row (a, cells, FALSE, FALSE);
      /* a row that does not fit continues the table on the next page, under its header */
      if (a->y + h > a->bottom)
        {
          next_region (a);
          a->y += table_row (a, head, TRUE, TRUE);
        }
      a->y += table_row (a, cells, FALSE, TRUE);
    }
  a->y += 6 * a->k;
}

/* ---- pages ---- */

static void
overview_page (Atlas *a)
{
  GListModel *zones = pa_plan_get_zones (a->plan);
  guint n = g_list_model_get_n_items (zones);
  double top, col_w = MIN (a->page_w * 0.3, 260 * a->k), map_w, map_h, y, font;
  g_autofree char *subtitle = pa_figure_dup_subtitle (a->plan, a->options);
  g_autofree char *title = pa_figure_dup_title (a->plan, a->options);
  g_autofree char *notes = pa_figure_dup_notes (a->plan, a->options);
  double notes_h;

  top = heading (a, title);
  top += text_at (a, a->margin, top - 4 * a->k, a->page_w - 2 * a->margin, subtitle, 8.5 * a->k, FALSE, grey) + 4 * a->k;
  map_w = a->page_w - 2 * a->margin - col_w - 12 * a->k;
  {
    g_autoptr (PangoLayout) l = pa_painter_layout_new (a->cr, notes, 7 * a->k, FALSE);
    int w, h;
    pango_layout_set_width (l, (int) (map_w * PANGO_SCALE));
    pango_layout_set_wrap (l, PANGO_WRAP_WORD_CHAR);
    pango_layout_get_pixel_size (l, &w, &h);
    notes_h = *notes ? h + 4 * a->k : 0;
  }
  map_h = a->page_h - a->margin * 1.3 - top - notes_h;
  if (!a->measure)
    {
      PaExportOptions o = *a->options;
      o.extent = PA_EXTENT_PLAN;
      pa_figure_draw_map (a->cr, a->plan, a->basemap, &o, NULL, a->margin, top, map_w, map_h, a->k, NULL);
      text_at (a, a->margin, top + map_h + 4 * a->k, map_w, notes, 7 * a->k, FALSE, grey);
    }

  /* the contents, shrunk to fit the column when a plan has many zones */
  y = top;
  y += text_at (a, a->page_w - a->margin - col_w, y, col_w, tr (a, N_("Contents")), 11 * a->k, TRUE, ink) + 6 * a->k;
  font = MIN (8.5 * a->k, (map_h - (y - top)) / ((n + 2) * 1.5));
  for (guint i = 0; i < n + 2; i++)
    {
      g_autoptr (PaZone) z = i >= 1 && i <= n ? g_list_model_get_item (zones, i - 1) : NULL;
      g_autofree char *label = z ? pa_zone_dup_label (z) : NULL;
      const char *text = i == 0 ? tr (a, N_("Overview")) : z ? label : tr (a, N_("Sources and audit"));
      guint page = i == 0 ? 1 : z ? a->zone_first_page[i - 1] : a->sources_page;
      g_autofree char *number = g_strdup_printf ("%u", page);
      double h = text_at (a, a->page_w - a->margin - col_w, y, col_w - 30 * a->k, text, font, FALSE, ink);
      text_at (a, a->page_w - a->margin - 24 * a->k, y, 0, number, font, FALSE, ink);
      y += h + font * 0.4;
    }
}

static char *
join_industries (PaZone *z)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < pa_zone_get_n_industries (z); i++)
    g_string_append_printf (s, "%s%s", i ? "、" : "", pa_zone_get_industry (z, i, NULL));
  return g_string_free (s, FALSE);
}

static char *
join_organisations (GPtrArray *orgs, gboolean platforms)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; orgs && i < orgs->len; i++)
    {
      PaOrganisation *o = orgs->pdata[i];
      if ((g_strcmp0 (o->kind, "platform") == 0) != platforms)
        continue;
      g_string_append_printf (s, "%s%s", s->len ? "、" : "", o->name);
      if (o->role && *o->role)
        g_string_append_printf (s, "（%s）", o->role);
    }
  return g_string_free (s, FALSE);
}

static void
zone_page (Atlas *a, PaZone *z)
{
  g_autofree char *label = pa_zone_dup_label (z);
  g_autofree char *industries = join_industries (z);
  g_autofree char *enterprises = join_organisations (pa_zone_get_organisations (z), FALSE);
  g_autofree char *platforms = join_organisations (pa_zone_get_organisations (z), TRUE);
  const char *role = pa_plan_lookup_role_label (a->plan, pa_zone_get_role (z));
  double top = heading (a, label), map_w = (a->page_w - 2 * a->margin) * 0.56;
  GPtrArray *targets = pa_zone_get_targets (z);
  /* the map takes the page's height unless a targets table needs the lower part */
  double map_h = (a->page_h - top - a->margin * 1.3) * (targets && targets->len ? 0.62 : 0.92);
  gboolean has_outline = pa_zone_get_geometry (z) && !pa_geometry_is_empty (pa_zone_get_geometry (z));

  if (!a->measure)
    {
      PaExportOptions o = *a->options;
      o.show_legend = FALSE; /* the role is named beside the map */
      o.extent = has_outline ? PA_EXTENT_ZONE : PA_EXTENT_PLAN;
      pa_figure_draw_map (a->cr, a->plan, a->basemap, &o, has_outline ? z : NULL, a->margin, top, map_w,
                          map_h, a->k, NULL);
    }
  a->continued = pa_zone_get_name (z);
  a->region = 0;
  a->x = a->margin + map_w + 14 * a->k;
  a->w = a->page_w - a->margin - a->x;
  a->y = top;
  a->bottom = top + map_h;
  a->below_top = top + map_h + 10 * a->k;
  section (a, tr (a, N_("Role")), role ? role : pa_zone_get_role (z));
  section (a, tr (a, N_("Places")), pa_zone_get_places (z));
  section (a, tr (a, N_("Summary")), pa_zone_get_summary (z));
  section (a, tr (a, N_("Industries")), industries);
  section (a, tr (a, N_("Enterprises and institutions")), enterprises);
  section (a, tr (a, N_("Platforms")), platforms);
  section (a, tr (a, N_("Inferred")), pa_zone_get_inference (z));
  targets_table (a, pa_zone_get_targets (z));
}

static void
collect_source (GPtrArray *sources, PaCitation *c)
{
  if (!c || !c->source)
    return;
  for (guint i = 0; i < sources->len; i++)
    if (((PaSource *) sources->pdata[i])->id == c->source->id)
      return;
  g_ptr_array_add (sources, pa_source_ref (c->source));
}

static void
sources_page (Atlas *a)
{
  g_autoptr (GPtrArray) sources = g_ptr_array_new_with_free_func ((GDestroyNotify) pa_source_unref);
  g_autoptr (GPtrArray) findings = NULL;
  GListModel *zones = pa_plan_get_zones (a->plan);
  GPtrArray *all = pa_plan_get_all_targets (a->plan);
  GPtrArray *orgs = pa_plan_get_organisations (a->plan);
  guint checks = 0;

  if (pa_plan_get_source (a->plan))
    g_ptr_array_add (sources, pa_source_ref (pa_plan_get_source (a->plan)));
  for (guint i = 0; i < g_list_model_get_n_items (zones); i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      collect_source (sources, pa_zone_get_citation (z));
      for (guint k = 0; k < pa_zone_get_n_industries (z); k++)
        {
          PaCitation *c = NULL;
          pa_zone_get_industry (z, k, &c);
          collect_source (sources, c);
        }
    }
  for (guint i = 0; all && i < all->len; i++)
    collect_source (sources, ((PaTarget *) all->pdata[i])->citation);
  for (guint i = 0; orgs && i < orgs->len; i++)
    collect_source (sources, ((PaOrganisation *) orgs->pdata[i])->citation);

  a->continued = tr (a, N_("Sources and audit"));
  a->region = 2;
  a->x = a->margin;
  a->w = a->page_w - 2 * a->margin;
  a->y = heading (a, tr (a, N_("Sources")));
  a->bottom = a->page_h - a->margin * 1.3;
  for (guint i = 0; i < sources->len; i++)
    {
      g_autofree char *ref = pa_source_dup_reference_with (sources->pdata[i], tr (a, N_(", ")));
      g_autofree char *line = g_strdup_printf ("%u. %s", i + 1, ref);
      paragraph (a, line, 9 * a->k, FALSE, ink, 4 * a->k);
    }
  a->y += 10 * a->k;
  paragraph (a, tr (a, N_("Audit of the plan's arithmetic")), 12 * a->k, TRUE, ink, 6 * a->k);
  findings = pa_audit_plan_in (a->plan, PA_AUDIT_DEFAULT_TOLERANCE, a->options->lang, &checks);
  if (!findings->len)
    {
      g_autofree char *none = g_strdup_printf (tr (a, N_("No findings in %u checks.")), checks);
      paragraph (a, none, 9 * a->k, FALSE, ink, 4 * a->k);
    }
  for (guint i = 0; i < findings->len; i++)
    {
      g_autofree char *line = pa_finding_format (findings->pdata[i]);
      paragraph (a, line, 8.5 * a->k, FALSE, ink, 4 * a->k);
    }
}

/* Lays out (and with !measure draws) every page; returns the page count. */
static guint
run (Atlas *a)
{
  GListModel *zones = pa_plan_get_zones (a->plan);
  guint n = g_list_model_get_n_items (zones);

  a->page = 1;
  if (a->preview_page)
    a->measure = a->preview_page != 1;
  if (!a->measure)
    {
      cairo_set_source_rgb (a->cr, 1, 1, 1);
      cairo_paint (a->cr);
    }
  overview_page (a);
  for (guint i = 0; i < n && !a->cancelled; i++)
    {
      g_autoptr (PaZone) z = g_list_model_get_item (zones, i);
      next_page (a);
      a->zone_first_page[i] = a->page;
      zone_page (a, z);
    }
  if (a->cancelled)
    return a->page;
  next_page (a);
  a->sources_page = a->page;
  sources_page (a);
  draw_footer (a);
  if (!a->measure && !a->preview_page)
    cairo_show_page (a->cr);
  return a->page;
}

static void
atlas_init (Atlas *a, cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options,
            double page_w, double page_h)
{
  *a = (Atlas){ 0 };
  a->cr = cr;
  a->plan = plan;
  a->basemap = basemap;
  a->options = options;
  a->page_w = page_w;
  a->page_h = page_h;
  a->k = pa_figure_page_scale (page_w, page_h);
  a->margin = 28 * a->k;
  a->zone_first_page = g_new0 (guint, g_list_model_get_n_items (pa_plan_get_zones (plan)) + 1);
}

guint
pa_atlas_count_pages (cairo_t *cr, PaPlan *plan, const PaExportOptions *options, double page_w, double page_h)
{
  Atlas a;
  guint pages;
  atlas_init (&a, cr, plan, NULL, options, page_w, page_h);
  a.measure = TRUE;
  cairo_save (cr);
  pa_painter_set_language (cr, options->lang);
  pages = run (&a);
  cairo_restore (cr);
  g_free (a.zone_first_page);
  return pages;
}

gboolean
pa_atlas_draw (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options, double page_w,
               double page_h, GCancellable *cancellable, PaExportProgressFunc progress, gpointer progress_data)
{
  Atlas a;
  gboolean ok;

  pa_painter_set_language (cr, options->lang);
  atlas_init (&a, cr, plan, basemap, options, page_w, page_h);
  /* first pass: where each zone starts and how many pages there are */
  a.measure = TRUE;
  a.total = run (&a);
  a.measure = FALSE;
  a.cancellable = cancellable;
  a.progress = progress;
  a.progress_data = progress_data;
  run (&a);
  ok = !a.cancelled && !g_cancellable_is_cancelled (cancellable);
  g_free (a.zone_first_page);
  return ok;
}

void
pa_atlas_draw_page (cairo_t *cr, PaPlan *plan, PaBasemap *basemap, const PaExportOptions *options, double page_w,
                    double page_h, guint page)
{
  Atlas a;

  cairo_save (cr);
  pa_painter_set_language (cr, options->lang);
  atlas_init (&a, cr, plan, basemap, options, page_w, page_h);
  a.measure = TRUE;
  a.total = run (&a);
  a.measure = FALSE;
  a.preview_page = MAX (page, 1);
  run (&a);
  g_free (a.zone_first_page);
  cairo_restore (cr);
}
