"""Reads `terraform show -json <planfile>` on stdin and writes only what plan-summary reads.

Plan JSON holds sensitive values in plain text, and workflow artifacts can be downloaded by anyone who can read
the repository, so the artifact keeps addresses and actions and drops every value.
"""
import json
import sys

KEPT = ("address", "mode", "type", "name")

plan = json.load(sys.stdin)
json.dump(
    {
        "format_version": plan["format_version"],
        "terraform_version": plan.get("terraform_version"),
        "resource_changes": [
            {**{key: change.get(key) for key in KEPT}, "change": {"actions": change["change"]["actions"]}}
            for change in plan.get("resource_changes", [])
        ],
    },
    sys.stdout,
)
