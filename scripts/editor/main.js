// The query page's editor: CodeMirror 6 with SPARQL highlighting, exposed as window.JbzEditor.
import { EditorView, basicSetup } from "codemirror";
import { StreamLanguage } from "@codemirror/language";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";

function create(parent, text, onChange) {
  return new EditorView({
    doc: text,
    parent,
    extensions: [
      basicSetup,
      StreamLanguage.define(sparql),
      EditorView.lineWrapping,
      EditorView.updateListener.of((update) => {
        if (update.docChanged && onChange) onChange(update.state.doc.toString());
      }),
    ],
  });
}

function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
}

window.JbzEditor = { create, setText, text: (view) => view.state.doc.toString() };
