"""What an import did, for the editor: one line per event, naming the post, and a summary."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class Report:
    export: str
    dry_run: bool = False
    written: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: int = 0
    drafts: list[str] = field(default_factory=list)
    scheduled: list[str] = field(default_factory=list)
    kept_here: list[str] = field(default_factory=list)  # edited here since the last import
    refused: list[str] = field(default_factory=list)  # would break the build: not written
    collections: list[str] = field(default_factory=list)  # landing pages created
    media: int = 0
    skipped: Counter = field(default_factory=Counter)  # why -> how many
    lines: list[str] = field(default_factory=list)

    def note(self, post: str, message: str) -> None:
        self.lines.append(f"{post}: {message}")

    def summary(self) -> list[str]:
        verb = "would be " if self.dry_run else ""
        lines = [
            f"{self.export}: {len(self.written)} post(s) {verb}written, {len(self.updated)} {verb}updated, "
            f"{self.unchanged} unchanged",
            f"drafts: {len(self.drafts)}, scheduled: {len(self.scheduled)}",
        ]
        if self.collections:
            lines.append(f"collections {verb}created: {', '.join(self.collections)}")
        if self.media:
            lines.append(f"images {verb}copied: {self.media}")
        if self.skipped:
            lines.append("skipped: " + ", ".join(f"{count} {why}" for why, count in sorted(self.skipped.items())))
        if self.kept_here:
            lines.append(f"kept as edited here (use --force to overwrite): {len(self.kept_here)}")
        if self.refused:
            lines.append(f"not written because they would break the build: {len(self.refused)}")
        lines.append(f"problems and changes reported: {len(self.lines)}")
        if self.dry_run:
            lines.append("dry run: nothing was written")
        return lines
