/* pa-atomic-file.c — temporary name beside the target, then an atomic move */
#define G_LOG_DOMAIN "parkatlas-files"

#include "config.h"

#include "pa-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

struct _PaAtomicFile
{
  char *target;
  char *temp;
  gboolean existed; /* the target existed when the write began … */
  GStatBuf before;  /* … as it was then */
  gboolean committed;
};

/* The host part of temporary names: other machines sharing the folder have their own
 * processes, which this one must not judge dead. */
static char *
host_tag (void)
{
  g_autoptr (GString) out = g_string_new (NULL);
  for (const char *c = g_get_host_name (); *c; c++)
    g_string_append_c (out, g_ascii_isalnum (*c) ? *c : '_');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* @path with every symlink followed (up to 40, as the kernel does), even when the last
 * one dangles: the user meant the file the link names. */
static char *
follow_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  for (int i = 0; i < 40; i++)
    {
      g_autofree char *link = g_file_read_link (current, NULL);
      g_autofree char *dir = NULL;
      if (!link)
        break;
      dir = g_path_get_dirname (current);
      g_free (current);
      current = g_path_is_absolute (link) ? g_strdup (link) : g_build_filename (dir, link, NULL);
    }
  return g_steal_pointer (&current);
}

void
pa_atomic_file_clean_stale (const char *path)
{
  g_autofree char *target = follow_links (path);
  g_autofree char *dir_name = g_path_get_dirname (target);
  g_autofree char *base = g_path_get_basename (target);
  g_autofree char *host = host_tag ();
  g_autofree char *prefix = g_strdup_printf ("%s.partial-%s-", base, host);
  g_autoptr (GDir) dir = g_dir_open (dir_name, 0, NULL);
  const char *name;

  while (dir && (name = g_dir_read_name (dir)))
    {
      char *end = NULL;
      gint64 pid;

      if (!g_str_has_prefix (name, prefix))
        continue;
      pid = g_ascii_strtoll (name + strlen (prefix), &end, 10);
      if (end == name + strlen (prefix) || *end != '-' || pid <= 0 || pid == getpid ())
        continue;
      if (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue; /* still running (or not ours to ask): its file, not debris */
      {
        g_autofree char *stale = g_build_filename (dir_name, name, NULL);
        if (g_unlink (stale) != 0 && errno != ENOENT)
          g_warning ("Cannot remove the leftover “%s”: %s", stale, g_strerror (errno));
        else
          g_debug ("removed %s, left by process %" G_GINT64_FORMAT, stale, pid);
      }
    }
}

PaAtomicFile *
pa_atomic_file_new (const char *path, GError **error)
{
  g_autoptr (PaAtomicFile) self = g_new0 (PaAtomicFile, 1);
  g_autofree char *host = host_tag ();
  int fd, saved;

  g_return_val_if_fail (path != NULL, NULL);
  self->target = follow_links (path);
  pa_atomic_file_clean_stale (self->target);
  self->existed = g_lstat (self->target, &self->before) == 0;
  self->temp = g_strdup_printf ("%s.partial-%s-%d-XXXXXX", self->target, host, (int) getpid ());
  fd = g_mkstemp_full (self->temp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      saved = errno;
      g_clear_pointer (&self->temp, g_free);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Cannot create a temporary file beside “%s”: %s"), self->target, g_strerror (saved));
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&self);
}

const char *
pa_atomic_file_get_temp_path (PaAtomicFile *self)
{
  return self->temp;
}

const char *
pa_atomic_file_get_target (PaAtomicFile *self)
{
  return self->target;
}

static gboolean
same_file (const GStatBuf *a, const GStatBuf *b)
{
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino && a->st_size == b->st_size
         && a->st_mtime == b->st_mtime;
}

gboolean
pa_atomic_file_commit (PaAtomicFile *self, GError **error)
{
  GStatBuf now;
  int fd, saved;

  g_return_val_if_fail (self->temp != NULL && !self->committed, FALSE);
  /* the content on disk before the name points at it: a power cut leaves old or new */
  fd = g_open (self->temp, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0)
    {
      saved = errno;
      if (fd >= 0)
        close (fd);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Cannot write “%s”: %s"),
                   self->target, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if (!self->existed)
    {
      /* link() never replaces: of two writers racing for a new name, one wins and the
       * other is told */
      if (link (self->temp, self->target) == 0)
        {
          g_unlink (self->temp);
          self->committed = TRUE;
          return TRUE;
        }
      saved = errno;
      if (saved == EEXIST)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("“%s” appeared while it was being written (another export or program "
                         "wrote it); it was left as it is"),
                       self->target);
          return FALSE;
        }
      /* file systems without hard links (FAT, some network shares): check, then move */
      if (g_lstat (self->target, &now) == 0)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                       _("“%s” appeared while it was being written (another export or program "
                         "wrote it); it was left as it is"),
                       self->target);
          return FALSE;
        }
    }
  else if (g_lstat (self->target, &now) != 0 || !same_file (&now, &self->before))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_EXIST,
                   _("“%s” was changed by another program while it was being written; it was "
                     "left as it is"),
                   self->target);
      return FALSE;
    }
  if (g_rename (self->temp, self->target) != 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved), _("Cannot write “%s”: %s"),
                   self->target, g_strerror (saved));
      return FALSE;
    }
  self->committed = TRUE;
  return TRUE;
}

void
pa_atomic_file_free (PaAtomicFile *self)
{
  if (!self)
    return;
  if (self->temp && !self->committed && g_unlink (self->temp) != 0 && errno != ENOENT)
    g_warning ("Cannot remove the temporary file “%s”: %s", self->temp, g_strerror (errno));
  g_free (self->target);
  g_free (self->temp);
  g_free (self);
}
