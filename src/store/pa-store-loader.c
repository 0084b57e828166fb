/* pa-store-loader.c — JSON readers, binders and once-only rows for the default content */
#include "config.h"

#include "pa-store-loader.h"

#include <glib/gi18n.h>
#include <math.h>

#include "geo/pa-gpkg-blob.h"

const char *
pa_json_str (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) == G_TYPE_STRING
             ? json_node_get_string (n)
             : NULL;
}

double
pa_json_num (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_VALUE (n) && json_node_get_value_type (n) != G_TYPE_STRING
             ? json_node_get_double (n)
             : NAN;
}

JsonObject *
pa_json_obj (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_OBJECT (n) ? json_node_get_object (n) : NULL;
}

JsonArray *
pa_json_array (JsonObject *o, const char *name)
{
  JsonNode *n = o ? json_object_get_member (o, name) : NULL;
  return n && JSON_NODE_HOLDS_ARRAY (n) ? json_node_get_array (n) : NULL;
}

/* A string or an array of strings, joined with the Chinese list comma. */
char *
pa_json_joined (JsonObject *o, const char *name)
{
  JsonArray *a = pa_json_array (o, name);
  g_autoptr (GString) s = NULL;

  if (!a)
    return g_strdup (pa_json_str (o, name));
  s = g_string_new (NULL);
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonNode *n = json_array_get_element (a, i);
      if (!JSON_NODE_HOLDS_VALUE (n) || json_node_get_value_type (n) != G_TYPE_STRING)
        continue;
      if (s->len)
        g_string_append (s, "、");
      g_string_append (s, json_node_get_string (n));
    }
  return s->len ? g_string_free (g_steal_pointer (&s), FALSE) : NULL;
}

void
pa_bind_text (sqlite3_stmt *s, int i, const char *v)
{
  if (v)
    sqlite3_bind_text (s, i, v, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (s, i);
}

void
pa_bind_double (sqlite3_stmt *s, int i, double v)
{
  if (isnan (v))
    sqlite3_bind_null (s, i);
  else
    sqlite3_bind_double (s, i, v);
}

void
pa_bind_id (sqlite3_stmt *s, int i, gint64 v)
{
  if (v > 0)
    sqlite3_bind_int64 (s, i, v);
  else
    sqlite3_bind_null (s, i);
}

void
pa_bind_geometry (sqlite3_stmt *s, int i, PaGeometry *g)
{
  g_autoptr (GBytes) blob = pa_gpkg_blob_from_geometry (g, 4326);
  sqlite3_bind_blob (s, i, g_bytes_get_data (blob, NULL), (int) g_bytes_get_size (blob),
                     SQLITE_TRANSIENT);
}

gint64
pa_loader_document_id (PaLoader *l, const char *seed, JsonObject *doc, GError **error)
{
  gpointer found;
  g_autoptr (sqlite3_stmt) s = NULL;
  gint64 id;

  if (g_hash_table_lookup_extended (l->documents, seed, NULL, &found))
    return GPOINTER_TO_SIZE (found);
  /* a plan declares its document before anything cites it: a citation of any other file
   * would show a document nobody described */
  if (!doc)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   _("a citation names the file “%s”, which is not the plan's document"), seed);
      return -1;
    }
  if (!pa_json_str (doc, "title") && !pa_json_str (doc, "description"))
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   _("the document “%s” has neither a title nor a description: give the title, or "
                     "describe the document in the words its text uses for itself"),
                   seed);
      return -1;
    }
  s = pa_store_prepare (l->db,
                        "INSERT INTO documents (seed, title, issuer, date, number, short_title, description) "
                        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                        error);
  if (!s)
    return -1;
  pa_bind_text (s, 1, seed);
  pa_bind_text (s, 2, pa_json_str (doc, "title"));
  pa_bind_text (s, 3, pa_json_str (doc, "issuer"));
  pa_bind_text (s, 4, pa_json_str (doc, "date"));
  pa_bind_text (s, 5, pa_json_str (doc, "number"));
  pa_bind_text (s, 6, pa_json_str (doc, "short_title"));
  pa_bind_text (s, 7, pa_json_str (doc, "description"));
  if (!pa_store_step_done (l->db, s, error))
    return -1;
  id = sqlite3_last_insert_rowid (l->db);
  g_hash_table_insert (l->documents, g_strdup (seed), GSIZE_TO_POINTER (id));
  return id;
}

/* Returns the id of the citation (inserting it once), 0 if @cit is NULL, -1 on error. */
gint64
pa_loader_citation_id (PaLoader *l, JsonObject *cit, GError **error)
{
  const char *seed = pa_json_str (cit, "seed"), *section = pa_json_str (cit, "section");
  const char *quote = pa_json_str (cit, "quote");
  g_autofree char *key = NULL;
  g_autoptr (sqlite3_stmt) s = NULL;
  gpointer found;
  gint64 doc, id;

  if (!cit)
    return 0;
  if (!seed || !quote)
    {
      g_set_error (error, PA_STORE_ERROR, PA_STORE_ERROR_DEFAULTS,
                   "plan “%s”: a citation lacks its seed or quote", l->plan_slug);
      return -1;
    }
  key = g_strjoin ("\037", seed, section ? section : "", quote, NULL);
  if (g_hash_table_lookup_extended (l->citations, key, NULL, &found))
    return GPOINTER_TO_SIZE (found);
  doc = pa_loader_document_id (l, seed, NULL, error);
  if (doc < 0)
    return -1;
  s = pa_store_prepare (l->db, "INSERT INTO citations (document_id, section, quote) VALUES (?1, ?2, ?3)",
                        error);
  if (!s)
    return -1;
  sqlite3_bind_int64 (s, 1, doc);
  pa_bind_text (s, 2, section ? section : "");
  pa_bind_text (s, 3, quote);
  if (!pa_store_step_done (l->db, s, error))
    return -1;
  id = sqlite3_last_insert_rowid (l->db);
  g_hash_table_insert (l->citations, g_steal_pointer (&key), GSIZE_TO_POINTER (id));
  return id;
}

gint64
pa_loader_industry_id (PaLoader *l, const char *name, GError **error)
{
  gpointer found;
  g_autoptr (sqlite3_stmt) s = NULL;
  gint64 id;

  if (g_hash_table_lookup_extended (l->industries, name, NULL, &found))
    return GPOINTER_TO_SIZE (found);
  s = pa_store_prepare (l->db, "INSERT INTO industries (name) VALUES (?1)", error);
  if (!s)
    return -1;
  pa_bind_text (s, 1, name);
  if (!pa_store_step_done (l->db, s, error))
    return -1;
  id = sqlite3_last_insert_rowid (l->db);
  g_hash_table_insert (l->industries, g_strdup (name), GSIZE_TO_POINTER (id));
  return id;
}
