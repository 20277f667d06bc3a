//! Element references and the per-element WebDriver commands.

use serde_json::{Value, json};

use super::{ELEMENT_KEY, Session};

/// A reference to a DOM element of a session.
pub struct ElementRef<'s> {
    pub(super) session: &'s Session,
    pub(super) id: String,
}

impl ElementRef<'_> {
    fn cmd(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        self.session
            .cmd(method, &format!("/element/{}{path}", self.id), body)
    }
    /// This element as a script argument (`arguments[i]` in [`Session::execute`]).
    pub fn as_arg(&self) -> Value {
        json!({ ELEMENT_KEY: self.id })
    }
    /// Rendered text (`innerText`-like; empty for hidden elements).
    pub fn text(&self) -> String {
        self.cmd("GET", "/text", None)
            .as_str()
            .unwrap_or("")
            .to_owned()
    }
    /// The attribute (or, per WebDriver, the matching property) value; `None` if absent.
    pub fn attr(&self, name: &str) -> Option<String> {
        self.cmd("GET", &format!("/attribute/{name}"), None)
            .as_str()
            .map(str::to_owned)
    }
    /// A DOM property (`textContent`, `open`, `value`, ...).
    pub fn property(&self, name: &str) -> Value {
        self.cmd("GET", &format!("/property/{name}"), None)
    }
    pub fn click(&self) {
        self.cmd("POST", "/click", None);
    }
    pub fn send_keys(&self, text: &str) {
        self.cmd("POST", "/value", Some(json!({ "text": text })));
    }
    pub fn clear(&self) {
        self.cmd("POST", "/clear", None);
    }
    pub fn is_displayed(&self) -> bool {
        self.cmd("GET", "/displayed", None).as_bool() == Some(true)
    }
    /// First descendant matching `css`; panics if none.
    pub fn find(&self, css: &str) -> ElementRef<'_> {
        let v = self.cmd(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        self.session.element(&v)
    }
    /// All descendants matching `css`.
    pub fn find_all(&self, css: &str) -> Vec<ElementRef<'_>> {
        let v = self.cmd(
            "POST",
            "/elements",
            Some(json!({"using": "css selector", "value": css})),
        );
        self.session.elements(&v)
    }
}
