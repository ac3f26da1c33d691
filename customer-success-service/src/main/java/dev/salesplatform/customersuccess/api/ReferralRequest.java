package dev.salesplatform.customersuccess.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Someone the customer referred; lead-service needs a name and a valid e-mail to make a lead of it. */
@Schema(name = "ReferralRequest", example = """
        {"companyName": "Babbage & Co", "contact": {"firstName": "Charles", "lastName": "Babbage",
         "email": "charles@babbage.example", "title": "Founder"}, "note": "Met at our user day"}""")
public record ReferralRequest(@Size(max = 200) String companyName, @NotNull @Valid Contact contact,
                              @Size(max = 2000) String note) {

    @Schema(name = "ReferralContact")
    public record Contact(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @Size(max = 40) @Pattern(regexp = "^\\+?[0-9 ()./-]{3,40}$", message = "must be a phone number")
            String phone,
            @Size(max = 100) String title) {
    }
}
