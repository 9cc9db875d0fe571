package apply

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/aws/fakeaws"
	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// `cogwiz apply` on a file with an identity pool shows the pool, its
// roles and the attachment in the plan, and prints the identity pool id
// and the role ARNs next to the user pool's outputs.
func TestApplyCommandCreatesTheIdentityPool(t *testing.T) {
	t.Parallel()
	w := fakeaws.Start(t)
	cfg := &config.Config{
		Version: 1, ResourceName: "Shop", Services: config.ServicesUserPoolIdentityPool,
		UserPool:     config.UserPool{Name: "ShopUserPool", Groups: []config.Group{{Name: "Admins"}}},
		AppClients:   []config.AppClient{{Name: "web"}},
		IdentityPool: &config.IdentityPool{Name: "shop_identity_pool"},
	}
	file := clitest.WriteConfig(t, t.TempDir(), cfg)
	outputs := filepath.Join(filepath.Dir(file), "outputs.json")
	ios, _, out, errOut := iostreams.Test()
	ios.SetColorEnabled(false)
	f := &cmdutil.Factory{IOStreams: ios, ConfigFile: file}
	w.Wire(f)
	cmd := NewCmdApply(f, nil)
	cmd.SetArgs([]string{"--auto-approve", "--outputs", outputs})
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	for _, want := range []string{"+ identity_pool\n", "+ identity_pool.authenticated_role", "+ identity_pool.group_roles[Admins]",
		"+ identity_pool.role_attachment", "identity_pool_id us-east-1:", "auth_role_arn   arn:aws:iam::123456789012:role/cogwiz/Shop/Shop-authRole",
		"role Admins", "issuer_url"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("stdout lacks %q:\n%s", want, out)
		}
	}
	b, err := os.ReadFile(outputs)
	if err != nil {
		t.Fatal(err)
	}
	var o map[string]any
	if err := json.Unmarshal(b, &o); err != nil || !strings.HasPrefix(o["identity_pool_id"].(string), "us-east-1:") || o["unauthenticated_role_arn"] == nil {
		t.Errorf("outputs file = %s (%v)", b, err)
	}
}
