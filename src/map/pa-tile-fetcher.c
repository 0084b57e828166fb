/* pa-tile-fetcher.c */
#include "config.h"

#define G_LOG_DOMAIN "parkatlas-map"

#include "pa-tile-fetcher.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>

/* a week, as libshumate keeps its tiles; a tile pack for a meeting is seldom older */
#define FRESH (7 * G_TIME_SPAN_DAY)
#define CACHE_BYTES (200 * 1000 * 1000)

struct _PaTileFetcher
{
  ShumateDataSource parent_instance;
  char *url;
  SoupSession *session;
  ShumateFileCache *cache;
  GQueue to_store; /* of Stored: one write at a time (the cache is an SQLite file) */
  gboolean storing;
  int offline_until; /* pa_tile_fetcher_read_tile: monotonic seconds, atomic */
  /* pa_tile_fetcher_read_tile's own connection to the same cache, one reader at a time:
   * ShumateFileCache 1.0.3 reads a tile's ETag with one prepared statement, in the
   * caller's thread, so the map's cache must not be shared with a figure's thread */
  GMutex figure_lock;
  ShumateFileCache *figure_cache;
  char *cache_key, *cache_dir;
};

G_DEFINE_FINAL_TYPE (PaTileFetcher, pa_tile_fetcher, SHUMATE_TYPE_DATA_SOURCE)

typedef struct
{
  int x, y, z;
  GBytes *cached; /* stale, kept for when the network fails */
} Request;

static void
request_free (Request *r)
{
  g_clear_pointer (&r->cached, g_bytes_unref);
  g_free (r);
}

static char *
tile_url (PaTileFetcher *self, int x, int y, int z)
{
  g_autoptr (GString) s = g_string_new (self->url);
  g_autofree char *xs = g_strdup_printf ("%d", x), *ys = g_strdup_printf ("%d", y);
  g_autofree char *zs = g_strdup_printf ("%d", z), *tms = g_strdup_printf ("%d", (1 << z) - 1 - y);
  g_string_replace (s, "{x}", xs, 0);
  g_string_replace (s, "{y}", ys, 0);
  g_string_replace (s, "{z}", zs, 0);
  g_string_replace (s, "{tmsy}", tms, 0);
  return g_string_free (g_steal_pointer (&s), FALSE);
}

typedef struct
{
  int x, y, z;
  GBytes *bytes;
  char *etag;
} Stored;

static void
stored_free (Stored *st)
{
  g_bytes_unref (st->bytes);
  g_free (st->etag);
  g_free (st);
}

static void store_next (PaTileFetcher *self);

static void
stored (GObject *cache, GAsyncResult *result, gpointer data)
{
  g_autoptr (PaTileFetcher) self = data;
  g_autoptr (GError) error = NULL;
  if (!shumate_file_cache_store_tile_finish (SHUMATE_FILE_CACHE (cache), result, &error))
    g_warning ("A web tile was shown but not kept for offline use: %s", error->message);
  self->storing = FALSE;
  store_next (self);
}

static void
store_next (PaTileFetcher *self)
{
  Stored *st;
  if (self->storing || !(st = g_queue_pop_head (&self->to_store)))
    return;
  self->storing = TRUE;
  shumate_file_cache_store_tile_async (self->cache, st->x, st->y, st->z, st->bytes, st->etag, NULL, stored,
                                       g_object_ref (self));
  stored_free (st);
}

static void
store (PaTileFetcher *self, int x, int y, int z, GBytes *bytes, const char *etag)
{
  Stored *st = g_new0 (Stored, 1);
  st->x = x, st->y = y, st->z = z;
  st->bytes = g_bytes_ref (bytes);
  st->etag = g_strdup (etag);
  g_queue_push_tail (&self->to_store, st);
  store_next (self);
}

/* The network failed: the stale copy if there is one, else the failure. */
static void
return_failure (GTask *task, GError *error)
{
  Request *r = g_task_get_task_data (task);
  if (r->cached)
    {
      g_debug ("web tile %d/%d/%d from the cache: %s", r->z, r->x, r->y, error->message);
      g_error_free (error);
      g_task_return_pointer (task, g_bytes_ref (r->cached), (GDestroyNotify) g_bytes_unref);
    }
  else
    g_task_return_error (task, error);
}

static void
fetched (GObject *session, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  PaTileFetcher *self = g_task_get_source_object (task);
  Request *r = g_task_get_task_data (task);
  SoupMessage *msg = soup_session_get_async_result_message (SOUP_SESSION (session), result);
  GError *error = NULL;
  g_autoptr (GBytes) bytes = soup_session_send_and_read_finish (SOUP_SESSION (session), result, &error);

  if (!bytes)
    {
      return_failure (task, error);
      return;
    }
  if (soup_message_get_status (msg) != SOUP_STATUS_OK || g_bytes_get_size (bytes) == 0)
    {
      return_failure (task, g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The tile server answered %u %s"),
                                         soup_message_get_status (msg),
                                         soup_message_get_reason_phrase (msg) ? soup_message_get_reason_phrase (msg)
                                                                              : ""));
      return;
    }
  store (self, r->x, r->y, r->z, bytes,
         soup_message_headers_get_one (soup_message_get_response_headers (msg), "ETag"));
  g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
}

static void
looked_up (GObject *cache, GAsyncResult *result, gpointer data)
{
  g_autoptr (GTask) task = data;
  PaTileFetcher *self = g_task_get_source_object (task);
  Request *r = g_task_get_task_data (task);
  g_autoptr (GDateTime) modtime = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *etag = NULL, *url = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (SoupMessage) msg = NULL;

  r->cached = shumate_file_cache_get_tile_finish (SHUMATE_FILE_CACHE (cache), &etag, &modtime, result, &error);
  if (error)
    g_debug ("web tile cache: %s", error->message);
  if (r->cached && modtime && g_date_time_difference (now, modtime) < FRESH)
    {
      g_task_return_pointer (task, g_bytes_ref (r->cached), (GDestroyNotify) g_bytes_unref);
      return;
    }
  url = tile_url (self, r->x, r->y, r->z);
  msg = soup_message_new (SOUP_METHOD_GET, url);
  if (!msg)
    {
      return_failure (task, g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                         _("“%s” is not a web address"), url));
      return;
    }
  soup_session_send_and_read_async (self->session, msg, G_PRIORITY_DEFAULT, g_task_get_cancellable (task), fetched,
                                    g_object_ref (task));
}

static void
pa_tile_fetcher_get_tile_data_async (ShumateDataSource *source, int x, int y, int z, GCancellable *cancellable,
                                     GAsyncReadyCallback callback, gpointer user_data)
{
  PaTileFetcher *self = PA_TILE_FETCHER (source);
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Request *r = g_new0 (Request, 1);

  g_task_set_source_tag (task, pa_tile_fetcher_get_tile_data_async);
  r->x = x, r->y = y, r->z = z;
  g_task_set_task_data (task, r, (GDestroyNotify) request_free);
  shumate_file_cache_get_tile_async (self->cache, x, y, z, cancellable, looked_up, task);
}

static GBytes *
pa_tile_fetcher_get_tile_data_finish (ShumateDataSource *source, GAsyncResult *result, GError **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  gboolean done;
  GBytes *bytes;
  GDateTime *modtime;
} SyncLookup;

static void
sync_looked_up (GObject *cache, GAsyncResult *result, gpointer data)
{
  SyncLookup *l = data;
  g_autoptr (GError) error = NULL;
  g_autofree char *etag = NULL;

  l->bytes = shumate_file_cache_get_tile_finish (SHUMATE_FILE_CACHE (cache), &etag, &l->modtime, result, &error);
  if (error)
    g_debug ("web tile cache: %s", error->message);
  l->done = TRUE;
}

GBytes *
pa_tile_fetcher_read_tile (PaTileFetcher *self, int x, int y, int z, GError **error)
{
  GMainContext *context = g_main_context_new ();
  SyncLookup l = { 0 };
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr (GBytes) cached = NULL, bytes = NULL;
  g_autoptr (SoupMessage) msg = NULL;
  g_autoptr (GError) local = NULL;
  g_autofree char *url = NULL;
  int seconds = (int) (g_get_monotonic_time () / G_USEC_PER_SEC);

  g_return_val_if_fail (PA_IS_TILE_FETCHER (self), NULL);
  /* the cache answers in the caller's thread-default context: a private one, run here */
  g_mutex_lock (&self->figure_lock);
  if (!self->figure_cache)
    self->figure_cache = shumate_file_cache_new_full (CACHE_BYTES, self->cache_key, self->cache_dir);
  g_main_context_push_thread_default (context);
  shumate_file_cache_get_tile_async (self->figure_cache, x, y, z, NULL, sync_looked_up, &l);
  while (!l.done)
    g_main_context_iteration (context, TRUE);
  g_main_context_pop_thread_default (context);
  g_mutex_unlock (&self->figure_lock);
  g_main_context_unref (context);
  cached = l.bytes;
  if (cached && l.modtime && g_date_time_difference (now, l.modtime) < FRESH)
    {
      g_date_time_unref (l.modtime);
      return g_steal_pointer (&cached);
    }
  g_clear_pointer (&l.modtime, g_date_time_unref);
  if (seconds < g_atomic_int_get (&self->offline_until))
    return g_steal_pointer (&cached);

  url = tile_url (self, x, y, z);
  if (!(msg = soup_message_new (SOUP_METHOD_GET, url)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT, _("“%s” is not a web address"), url);
      return NULL;
    }
  /* libsoup 3.2 sends from any thread on a session set up beforehand */
  bytes = soup_session_send_and_read (self->session, msg, NULL, &local);
  if (!bytes)
    {
      g_atomic_int_set (&self->offline_until, seconds + 60);
      if (cached)
        return g_steal_pointer (&cached);
      /* the host, not the address: a custom template may carry the planner's key */
      g_autoptr (GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
      g_set_error (error, local->domain, local->code, _("The tile server %s could not be reached: %s"),
                   uri && g_uri_get_host (uri) ? g_uri_get_host (uri) : "?", local->message);
      return NULL;
    }
  if (soup_message_get_status (msg) != SOUP_STATUS_OK || g_bytes_get_size (bytes) == 0)
    {
      if (cached)
        return g_steal_pointer (&cached);
      if (soup_message_get_status (msg) == SOUP_STATUS_NOT_FOUND)
        return NULL; /* the server has no such tile, as a pack may not: the basemap shows */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("The tile server answered %u %s"),
                   soup_message_get_status (msg),
                   soup_message_get_reason_phrase (msg) ? soup_message_get_reason_phrase (msg) : "");
      return NULL;
    }
  return g_steal_pointer (&bytes);
}

static void
pa_tile_fetcher_finalize (GObject *object)
{
  PaTileFetcher *self = PA_TILE_FETCHER (object);
  g_free (self->url);
  g_clear_object (&self->session);
  g_clear_object (&self->cache);
  g_clear_object (&self->figure_cache);
  g_mutex_clear (&self->figure_lock);
  g_free (self->cache_key);
  g_free (self->cache_dir);
  g_queue_clear_full (&self->to_store, (GDestroyNotify) stored_free);
  G_OBJECT_CLASS (pa_tile_fetcher_parent_class)->finalize (object);
}

static void
pa_tile_fetcher_class_init (PaTileFetcherClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pa_tile_fetcher_finalize;
  SHUMATE_DATA_SOURCE_CLASS (klass)->get_tile_data_async = pa_tile_fetcher_get_tile_data_async;
  SHUMATE_DATA_SOURCE_CLASS (klass)->get_tile_data_finish = pa_tile_fetcher_get_tile_data_finish;
}

static void
pa_tile_fetcher_init (PaTileFetcher *self)
{
  g_queue_init (&self->to_store);
  g_mutex_init (&self->figure_lock);
}

/* The fetchers alive, by template: one SQLite connection per cache file, since
 * ShumateFileCache sets no busy timeout and two writers to one file fail with "locked". */
static GHashTable *alive;

static void
forget (gpointer url, GObject *gone)
{
  g_hash_table_remove (alive, url);
}

PaTileFetcher *
pa_tile_fetcher_new (const char *url)
{
  PaTileFetcher *self;
  g_autofree char *key = NULL, *dir = NULL;

  g_return_val_if_fail (url != NULL, NULL);
  if (!alive)
    alive = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if ((self = g_hash_table_lookup (alive, url)))
    return g_object_ref (self);
  self = g_object_new (PA_TYPE_TILE_FETCHER, NULL);
  self->url = g_strdup (url);
  self->session = soup_session_new_with_options ("user-agent", PA_TILE_FETCHER_USER_AGENT, "max-conns-per-host", 2,
                                                 "timeout", 20, NULL);
  /* a cache file per template (the key included), in the app's own cache folder */
  key = g_compute_checksum_for_string (G_CHECKSUM_SHA256, url, -1);
  dir = g_build_filename (g_get_user_cache_dir (), "parkatlas", "tiles", key, NULL);
  self->cache = shumate_file_cache_new_full (CACHE_BYTES, key, dir);
  self->cache_key = g_strdup (key);
  self->cache_dir = g_strdup (dir);
  {
    char *held = g_strdup (url);
    g_hash_table_insert (alive, held, self);
    g_object_weak_ref (G_OBJECT (self), forget, held);
  }
  return self;
}
