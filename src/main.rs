//! Entry point of the browser app: installs the panic hook, keeps the page's source, mounts the UI.

fn main() {
    console_error_panic_hook::set_once();
    // Before the app changes the document: "保存带数据的副本" writes this source.
    workplan::ui::capture_page_source();
    leptos::mount::mount_to_body(workplan::ui::App);
}
