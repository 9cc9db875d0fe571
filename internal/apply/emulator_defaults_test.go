package apply_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cognito/cognitofake"
	"github.com/cogwiz/cogwiz/internal/emulator"
)

// A cognito-local started with its own defaults gives a pool created
// without UsernameAttributes [email]. apply's read-back catches the
// difference, and the error says where it comes from and how to fix it.
func TestEmulatorDefaultUsernameAttributesAreExplained(t *testing.T) {
	t.Parallel()
	s := emulator.StartWith(t, func(db string) error {
		return os.WriteFile(filepath.Join(filepath.Dir(db), "config.json"), []byte("{}\n"), 0o644)
	})
	api, _ := cognitofake.Connect(t, s.Options())
	cfg := cognitofake.FullConfig("Defaults")
	cfg.UserPool.SignIn.UsernameAttributes = nil
	cfg.UserPool.SignIn.AliasAttributes = nil
	_, _, err := applyOnce(t, api, cfg)
	if err == nil {
		t.Fatal("apply passed although cognito-local added username_attributes [email]")
	}
	for _, want := range []string{"user_pool.sign_in.username_attributes", "UserPoolDefaults.UsernameAttributes"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}
