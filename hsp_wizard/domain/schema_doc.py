"""The project file's JSON Schema, generated from the model (docs/project-schema.json must match)."""

from __future__ import annotations

import json

from hsp_wizard.domain.project import Project

SCHEMA_PATH = "docs/project-schema.json"


def project_json_schema() -> dict:
    schema = Project.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "HSP Wizard project file"
    return schema


def project_json_schema_text() -> str:
    return json.dumps(project_json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
