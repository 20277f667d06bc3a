//! The report text (报送文本) just copied, shown so it can be read or copied by hand.

use crate::ui::clipboard::copy_text;
use crate::ui::modal::Modal;
use crate::ui::state::{NoticeKind, use_app};
use leptos::prelude::*;

/// The dialog.
#[component]
pub fn ReportTextDialog(text: String) -> impl IntoView {
    let app = use_app();
    let text = StoredValue::new(text);
    view! {
        <Modal id="report-text-dialog" title=Signal::derive(|| "报送文本".to_string())>
            <textarea id="report-text" rows="18" readonly aria-label="报送文本" prop:value=text.get_value()></textarea>
            <footer class="modal-foot">
                <button type="button" id="report-copy-again" class="primary" on:click=move |_| {
                    if text.with_value(|t| copy_text(t)) {
                        app.notify(NoticeKind::Info, "已再次复制。".into());
                    }
                }>"复制"</button>
                <button type="button" class="dialog-close" on:click=move |_| app.dialog.set(None)>"关闭"</button>
            </footer>
        </Modal>
    }
}
