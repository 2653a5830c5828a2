package io.github.ftpdoctor.internal.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.ftpdoctor.diagnosis.Reply;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataAddressesTest {
    @Test
    void parses227InItsCommonForms() throws Exception {
        DataAddresses.Passive p = DataAddresses.parse227(Reply.of(227, "Entering Passive Mode (127,0,0,1,195,80)."));
        assertEquals(InetAddress.getByName("127.0.0.1"), p.address());
        assertEquals(195 * 256 + 80, p.port());
        // no parentheses (RFC 1123 §4.1.2.6 tells clients to scan for the numbers), spaces after commas
        p = DataAddresses.parse227(Reply.of(227, "=127, 0, 0, 1, 4, 1"));
        assertEquals(1025, p.port());
        p = DataAddresses.parse227(Reply.of(227, "Entering Passive Mode (10,1,2,3,200,10)"));
        assertArrayEquals(new byte[] {10, 1, 2, 3}, p.address().getAddress()); // parsed only, never connected to
        assertTrue(DataAddresses.isPrivate(p.address()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Entering Passive Mode", "Entering Passive Mode (127,0,0,1,300,1)",
        "Entering Passive Mode (256,0,0,1,1,1)", "Entering Passive Mode (127,0,0,1,0,0)", "(1,2,3,4,5)",
        // found by DataAddressesPropertiesTest: no tuple cut out of longer numbers
        "Entering Passive Mode 192,168,1,2,19,13719,137", "2,1,1,2,9,1137", "(1192,168,1,2,19,137)"})
    void rejectsMalformed227(String text) {
        assertNull(DataAddresses.parse227(Reply.of(227, text)));
    }

    @Test
    void parses229WithAnyDelimiter() {
        assertEquals(50001, DataAddresses.parse229(Reply.of(229, "Entering Extended Passive Mode (|||50001|)")));
        assertEquals(6446, DataAddresses.parse229(Reply.of(229, "Entering Extended Passive Mode (!!!6446!)")));
        assertEquals(-1, DataAddresses.parse229(Reply.of(229, "Entering Extended Passive Mode (|||70000|)")));
        assertEquals(-1, DataAddresses.parse229(Reply.of(229, "Entering Extended Passive Mode")));
        assertEquals(-1, DataAddresses.parse229(Reply.of(229, "(|||0|)")));
    }

    @Test
    void formatsPortAndEprt() throws Exception {
        assertEquals("127,0,0,1,195,80", DataAddresses.portArgument(InetAddress.getByName("127.0.0.1"), 50000));
        assertEquals("|1|127.0.0.1|50000|", DataAddresses.eprtArgument(InetAddress.getByName("127.0.0.1"), 50000));
        assertEquals("|2|0:0:0:0:0:0:0:1|21|", DataAddresses.eprtArgument(InetAddress.getByName("::1"), 21));
    }

    @Test
    void publicAddressesAreNotPrivate() throws Exception {
        assertFalse(DataAddresses.isPrivate(InetAddress.getByAddress(new byte[] {(byte) 203, 0, 113, 7})));
        assertTrue(DataAddresses.isPrivate(InetAddress.getByAddress(new byte[] {(byte) 192, (byte) 168, 1, 1})));
        assertTrue(DataAddresses.isPrivate(InetAddress.getByAddress(new byte[] {100, 64, 0, 1})));
    }
}
