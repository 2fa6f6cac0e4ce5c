"""Project files: load with clear errors, save atomically."""

from hsp_wizard.storage.project_file import (MAX_FILE_BYTES, ProjectFileError, dumps_project, load_project,
                                             loads_project, save_project, write_private_atomic)

__all__ = ["MAX_FILE_BYTES", "ProjectFileError", "dumps_project", "load_project", "loads_project",
           "save_project", "write_private_atomic"]
