package wizard_test

import (
	"testing"

	"github.com/cogwiz/cogwiz/internal/prompt"
)

// Ctrl-B works on every question: on the "Update <URL>" question asked
// for each redirect URI picked for editing, it goes back to the list.
func TestBackFromAnEditedItemReturnsToTheList(t *testing.T) {
	p := prompt.NewScripted(t).
		Answer("update_flow", "callbacks").
		Answer("callback_urls_edit", []string{"http://localhost:3000/login/"}, []string{}).
		Answer("callback_urls_edit_value", prompt.Back).
		Answer("callback_urls_add", false).
		Answer("logout_urls_edit", []string{}).
		Answer("logout_urls_add", false)
	run(t, p, existing(t), true)
	wantOrder(t, p.Asked(), "update_flow", "callback_urls_edit", "callback_urls_edit_value", "callback_urls_edit",
		"callback_urls_add", "logout_urls_edit", "logout_urls_add")
	if q, ok := p.Shown("callback_urls_edit_value"); !ok || !q.CanGoBack {
		t.Errorf("the edited item must offer ctrl+b: %+v", q)
	}
}
