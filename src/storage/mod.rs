//! Browser storage: the only user of localStorage.
