"""Rendering journeys through Jinja templates: the library behind ``cxj render``.

``render(journey, "html")`` returns the page as text (bytes for ``png``). The command's
paths, output folder and index page are in ``cxjourney.rendering.run``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2

from cxjourney.errors import CxjError
from cxjourney.model import Journey
from cxjourney.rendering import context, environment, formats, graphviz
from cxjourney.rendering.labels import Labels, resolve_lang

__all__ = ["FORMATS", "Renderer", "render"]

FORMATS = tuple(formats.FORMATS)


class Renderer:
    """One format with its compiled template, reused for every journey of a run."""

    def __init__(self, format: str = "html", *, template: Path | None = None,
                 templates: Path | None = None, config_lang: str | None = None,
                 lang: str | None = None) -> None:
        self.format = formats.get(format)
        self.lang = lang
        self.config_lang = config_lang
        file_spec = None
        name = self.format.template
        if template is not None:
            name = environment.file_template_name(self.format.template)
            file_spec = (name, str(template))
        self.env = environment.environment(str(templates) if templates else None, file_spec)
        self.template = _load(self.env, name)

    def text(self, journey: Journey) -> str:
        """The template's output (for svg/png: the DOT text)."""
        lang = resolve_lang(self.lang, journey.lang, self.config_lang)
        built = context.build(journey, lang, self.format.name)
        values = built.as_dict()
        if self.format.context is not None:
            values.update(self.format.context(built))
        text = _run(self.template, values)
        if self.format.bom:
            return "\ufeff" + text
        # SPEC §8 "Written files": one final newline, whatever the template ends with.
        return text.rstrip("\n") + "\n"

    def render(self, journey: Journey) -> str | bytes:
        text = self.text(journey)
        if self.format.graphviz is None:
            return text
        result = graphviz.run(text, self.format.graphviz)
        return result if self.format.binary else result.decode("utf-8")

    def index(self, entries: list[dict[str, Any]], lang: str) -> str:
        """The index page of several rendered journeys (html and md only)."""
        name = self.format.index_template
        assert name is not None
        labels = Labels(lang)
        values = {"entries": entries, "labels": labels, "lang": lang,
                  "cxj": context.RenderInfo(format=self.format.name)}
        return _run(_load(self.env, name), values).rstrip("\n") + "\n"


def render(journey: Journey, format: str = "html", *, lang: str | None = None,
           config_lang: str | None = None, template: Path | None = None,
           templates: Path | None = None) -> str | bytes:
    """Render one journey. ``lang`` overrides the file's ``lang:``, which overrides
    ``config_lang`` (SPEC §4); ``template`` replaces the format's journey template and
    ``templates`` is a folder searched before the built-ins (SPEC §6)."""
    renderer = Renderer(format, template=template, templates=templates,
                        config_lang=config_lang, lang=lang)
    return renderer.render(journey)


def _load(env: jinja2.Environment, name: str) -> jinja2.Template:
    try:
        return env.get_template(name)
    except jinja2.TemplateSyntaxError as error:
        raise CxjError(f"{error.filename or error.name}:{error.lineno}: template syntax "
                       f"error: {error.message}") from None
    except jinja2.TemplateNotFound as error:
        raise CxjError(f"template not found: {error.name}") from None


def _run(template: jinja2.Template, values: dict[str, Any]) -> str:
    try:
        return template.render(values)
    except jinja2.TemplateError as error:
        where = template.filename or template.name
        raise CxjError(f"{where}: template error: {error}") from None
