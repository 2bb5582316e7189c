from ssc_wizard.start import main

main()
