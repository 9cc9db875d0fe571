package plan

import (
	"context"
	"strings"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmd/clitest"
	"github.com/cogwiz/cogwiz/internal/cmdutil"
	"github.com/cogwiz/cogwiz/internal/config"
	"github.com/cogwiz/cogwiz/internal/emulator"
	"github.com/cogwiz/cogwiz/internal/iostreams"
)

// With the Cognito endpoint variable pointing at cognito-local (as the
// getting-started guide sets it), a file with an identity pool plans the
// user pool and says the identity pool was not compared: the identity pool
// and IAM calls follow the emulator instead of reaching AWS.
func TestPlanIdentityPoolAgainstEmulator(t *testing.T) {
	s := emulator.Start(t)
	t.Setenv("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", s.Endpoint)
	t.Setenv("AWS_ACCESS_KEY_ID", "local")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "local")
	t.Setenv("AWS_REGION", emulator.Region)
	cfg := &config.Config{
		Version: 1, ResourceName: "Local", Services: config.ServicesUserPoolIdentityPool,
		UserPool:     config.UserPool{Name: "LocalPool"},
		AppClients:   []config.AppClient{{Name: "web"}},
		IdentityPool: &config.IdentityPool{Name: "local_identity"},
	}
	file := clitest.WriteConfig(t, t.TempDir(), cfg)
	ios, _, out, errOut := iostreams.Test()
	f := cmdutil.New("test")
	f.IOStreams, f.ConfigFile = ios, file
	cmd := NewCmdPlan(f, func(o *Options) error {
		o.LookupEnv = func(string) (string, bool) { return "", false }
		return planRun(context.Background(), o)
	})
	cmd.SetArgs(nil)
	cmd.SetOut(out)
	cmd.SetErr(errOut)
	if err := cmd.Execute(); err != nil {
		t.Fatalf("%v\n%s", err, errOut)
	}
	if !strings.Contains(out.String(), "identity_pool was not compared") || !strings.Contains(out.String(), "+ user_pool") {
		t.Errorf("plan:\n%s", out)
	}
}
