"""Project files: load with clear errors, save atomically and privately, keep a backup, sweep stray temps;
optional password protection (encryption.py) and autosaves for crash recovery (autosave.py)."""

from hsp_wizard.storage.project_file import (BACKUP_SUFFIX, MAX_FILE_BYTES, TEMP_PREFIX, FileRefused, OpenedProject,
                                             ProjectFileError, ProjectPasswordError, dumps_project, keep_backup,
                                             load_project, load_project_versioned, loads_project,
                                             loads_project_versioned, parse_project, project_bytes, read_project,
                                             save_project, sweep_temp_files, write_private_atomic)

__all__ = ["BACKUP_SUFFIX", "MAX_FILE_BYTES", "TEMP_PREFIX", "FileRefused", "OpenedProject", "ProjectFileError",
           "ProjectPasswordError", "dumps_project", "keep_backup", "load_project", "load_project_versioned",
           "loads_project", "loads_project_versioned", "parse_project", "project_bytes", "read_project",
           "save_project", "sweep_temp_files", "write_private_atomic"]
