package apply_test

import (
	"fmt"
	"os"
	"sync"
	"testing"

	"github.com/cogwiz/cogwiz/internal/cmdutil/cmdtest"
	"github.com/cogwiz/cogwiz/internal/emulator"
)

// The emulator tests of this package share one cognito-local: each test
// uses its own resource_name, so their pools never meet, and starting
// node once instead of per test keeps the suite fast on small machines.
var shared struct {
	once     sync.Once
	server   *emulator.Server
	skip     string
	fail     string
	cleanups []func()
}

func TestMain(m *testing.M) {
	code := cmdtest.IsolateHome(m)
	for _, f := range shared.cleanups {
		f()
	}
	os.Exit(code)
}

// sharedEmulator returns the package's emulator, starting it on first use.
func sharedEmulator(t testing.TB) *emulator.Server {
	t.Helper()
	shared.once.Do(func() {
		tb := &mainTB{}
		defer func() {
			if r := recover(); r != nil && r != tb {
				panic(r)
			}
		}()
		shared.server = emulator.Start(tb)
	})
	switch {
	case shared.fail != "":
		t.Fatal(shared.fail)
	case shared.skip != "":
		t.Skip(shared.skip)
	}
	return shared.server
}

// mainTB lets emulator.Start run outside any one test: its clean-up runs
// after all tests, and a failure or skip is passed on to every caller.
type mainTB struct{ testing.TB }

func (*mainTB) Helper()          {}
func (*mainTB) Cleanup(f func()) { shared.cleanups = append(shared.cleanups, f) }
func (tb *mainTB) Fatalf(format string, args ...any) {
	shared.fail = fmt.Sprintf(format, args...)
	panic(tb)
}
func (tb *mainTB) Skipf(format string, args ...any) {
	shared.skip = fmt.Sprintf(format, args...)
	panic(tb)
}
