package users

import (
	"context"
	"testing"
	"time"
)

func TestPacerSpacesRequests(t *testing.T) {
	t.Parallel()
	p := NewPacer(100, 1) // one request every 10ms
	ctx := context.Background()
	start := time.Now()
	for range 11 {
		if err := p.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	// The first passes at once; ten more need at least 100ms.
	if d := time.Since(start); d < 95*time.Millisecond {
		t.Fatalf("11 requests at 100/s took %v, want >= 100ms", d)
	}
}

func TestPacerStopsOnCancel(t *testing.T) {
	t.Parallel()
	p := NewPacer(1, 1)
	ctx, cancel := context.WithCancel(context.Background())
	_ = p.Wait(ctx)
	cancel()
	if err := p.Wait(ctx); err == nil {
		t.Fatal("Wait after cancel returned nil")
	}
}

func TestListUsersPaceIsUnderQuota(t *testing.T) {
	if ListUsersPerSecond >= 30 {
		t.Fatalf("ListUsersPerSecond = %d, must stay under the UserList quota of 30/s", ListUsersPerSecond)
	}
}
