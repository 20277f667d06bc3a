//! 粘贴导入: JSON text pasted from an email body (a greeting or signature around it is left
//! out), imported as a file would be; refused text stays in the box with the reason.

use crate::snapshot::json_within;
use crate::ui::import::preview;
use crate::ui::modal::Modal;
use crate::ui::state::use_app;
use leptos::prelude::*;

/// The dialog.
#[component]
pub fn PasteDialog() -> impl IntoView {
    let app = use_app();
    let text = RwSignal::new(String::new());
    let import = move |_| {
        let t = text.with_untracked(|t| json_within(t).to_string());
        preview(app, vec![("粘贴的内容".to_string(), t)]);
    };
    view! {
        <Modal id="paste-dialog" title=Signal::derive(|| "粘贴导入".to_string())>
            <p class="dialog-hint">"把导出的数据文件内容（以 { 开头的文字，例如邮件正文中的）粘贴到下面，再点“导入合并”。"</p>
            <textarea id="paste-json" rows="14" aria-label="要导入的数据" prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            <footer class="modal-foot">
                <button type="button" id="paste-import" class="primary" disabled=move || text.with(|t| t.trim().is_empty()) on:click=import>"导入合并"</button>
                <button type="button" class="dialog-close" on:click=move |_| app.dialog.set(None)>"取消"</button>
            </footer>
        </Modal>
    }
}
