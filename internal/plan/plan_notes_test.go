package plan

import (
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/config"
)

func TestPlanNotesWhatApplyDoesNotCreate(t *testing.T) {
	d := config.Recommended()
	if p := Compute(Input{Desired: d}); len(p.Notes) != 0 {
		t.Fatalf("recommended file: notes %v, want none", p.Notes)
	}
	d.Services = config.ServicesUserPoolIdentityPool
	d.IdentityPool = &config.IdentityPool{Name: "app"}
	d.AdminQueries = &config.AdminQueries{Enabled: true}
	d.UserPool.Capabilities = []config.Capability{{Type: config.CapAddUserToGroup, Group: "Admins"}}
	notes := strings.Join(Compute(Input{Desired: d}).Notes, "\n")
	for _, want := range []string{"identity_pool", "admin_queries", "1 generated trigger function(s) were not compared"} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes lack %q:\n%s", want, notes)
		}
	}
	// Read, the functions are compared: no note.
	notes = strings.Join(Compute(Input{Desired: d, Functions: &FunctionState{}}).Notes, "\n")
	if strings.Contains(notes, "trigger function") {
		t.Errorf("functions read, yet noted:\n%s", notes)
	}
}
